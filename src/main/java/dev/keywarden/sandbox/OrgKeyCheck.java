package dev.keywarden.sandbox;

/**
 * Admits management calls made with an active organisation key (moving its {@code lastUsed}); anything else,
 * a project key included, is 401 {@code Invalid API key}.
 */
final class OrgKeyCheck {

    private final SandboxStore store;

    OrgKeyCheck(SandboxStore store) {
        this.store = store;
    }

    Endpoint guard(Endpoint endpoint) {
        return request -> {
            if (!store.useOrgKey(request.apiKey().orElse(null))) {
                throw ApiError.invalidApiKey();
            }
            return endpoint.handle(request);
        };
    }
}
