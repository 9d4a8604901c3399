package dev.keywarden.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps method and path to an endpoint: an unknown path is a 404, a known path with another method a 405. */
final class Router {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private record Route(String method, Pattern path, List<String> parameterNames, Endpoint endpoint) {
    }

    record Match(Endpoint endpoint, Map<String, String> pathParameters) {
    }

    private final List<Route> routes = new ArrayList<>();

    /** Adds a route; {@code template} is a path with {@code {name}} segments, e.g. {@code /v1/projects/{projectId}}. */
    Router add(String method, String template, Endpoint endpoint) {
        List<String> names = new ArrayList<>();
        Matcher placeholders = PLACEHOLDER.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (placeholders.find()) {
            regex.append(Pattern.quote(template.substring(last, placeholders.start()))).append("([^/]+)");
            names.add(placeholders.group(1));
            last = placeholders.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, Pattern.compile(regex.toString()), names, endpoint));
        return this;
    }

    Match match(String method, String path) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(path);
            if (!matcher.matches()) {
                continue;
            }
            if (!route.method().equals(method)) {
                allowed.add(route.method());
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < route.parameterNames().size(); i++) {
                parameters.put(route.parameterNames().get(i), matcher.group(i + 1));
            }
            return new Match(route.endpoint(), parameters);
        }
        if (allowed.isEmpty()) {
            throw ApiError.notFound("Not found");
        }
        throw ApiError.methodNotAllowed(String.join(", ", allowed));
    }
}
