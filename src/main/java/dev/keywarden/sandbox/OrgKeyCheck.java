package dev.keywarden.sandbox;

/**
 * Admits management calls made with an active organisation key (moving its {@code lastUsed}); anything else,
 * a project key or an expired key included, is 401 {@code Invalid API key}. A call made with the outgoing value
 * of a rotation is answered with {@link SunsetHeaders}.
 */
final class OrgKeyCheck {

    private final SandboxStore store;

    OrgKeyCheck(SandboxStore store) {
        this.store = store;
    }

    Endpoint guard(Endpoint endpoint) {
        return request -> {
            KeyAdmission.Admission admitted = store.admission().admitOrgKey(request.apiKey().orElse(null))
                    .orElseThrow(ApiError::invalidApiKey);
            SunsetHeaders.announce(request, admitted.sunset());
            return endpoint.handle(request);
        };
    }
}
