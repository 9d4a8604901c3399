package dev.keywarden.sandbox;

import dev.keywarden.model.ApiKey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A key as v2 answers show it: the v1 fields and {@code expiresAt}, {@code shadowValue}, {@code rotatesAt},
 * always present (null when unset). Values are written as given: masked, except in the answers that create or
 * rotate a key. (v1 answers leave the three out: see {@link JsonAnswer}.)
 */
final class LifecycleKeyJson {

    private LifecycleKeyJson() {
    }

    static Map<String, Object> of(ApiKey key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", key.id());
        json.put("name", key.name());
        json.put("valid", key.valid());
        json.put("value", key.value());
        json.put("created_at", key.createdAt());
        json.put("lastUsed", key.lastUsed());
        json.put("expiresAt", key.expiresAt());
        json.put("shadowValue", key.shadowValue());
        json.put("rotatesAt", key.rotatesAt());
        return json;
    }

    static List<Map<String, Object>> of(List<ApiKey> keys) {
        return keys.stream().map(LifecycleKeyJson::of).toList();
    }
}
