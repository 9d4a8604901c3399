package dev.keywarden.sandbox;

import dev.keywarden.model.Project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code GET /v1/datasets}: the one data-plane call the sandbox serves, authenticated by a project
 * key. It exists so "deactivate the leaked key and watch it stop working" can be shown end to end;
 * each accepted call moves the key's {@code lastUsed}. Expiry and rotation apply as for management calls.
 */
final class DatasetsEndpoint {

    private static final String[] ALIASES = {
            "golden-qa-set", "regression-suite", "support-tickets-sample", "red-team-prompts",
            "checkout-conversations", "retrieval-eval-v2", "edge-cases", "multilingual-smoke",
    };

    private final SandboxStore store;

    DatasetsEndpoint(SandboxStore store) {
        this.store = store;
    }

    void registerOn(Router router) {
        router.add("GET", "/v1/datasets", this::list);
    }

    private Object list(SandboxRequest request) {
        KeyAdmission.Admission admitted = request.apiKey().flatMap(store.admission()::admitProjectKey)
                .orElseThrow(ApiError::invalidApiKey);
        SunsetHeaders.announce(request, admitted.sunset());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("datasets", datasetsOf(admitted.project()));
        return data;
    }

    /** A few stable fake datasets per project, derived from its id. */
    static List<Map<String, String>> datasetsOf(Project project) {
        Random random = new Random(project.id().hashCode());
        int count = 2 + random.nextInt(3);
        List<Map<String, String>> datasets = new ArrayList<>();
        int first = random.nextInt(ALIASES.length);
        for (int i = 0; i < count; i++) {
            Map<String, String> dataset = new LinkedHashMap<>();
            dataset.put("alias", ALIASES[(first + i) % ALIASES.length]);
            dataset.put("id", Identifiers.cuid(random));
            datasets.add(dataset);
        }
        return datasets;
    }
}
