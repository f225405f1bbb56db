package dev.trajectory.autoconfigure.web;

import java.util.List;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The path patterns of requests that record nothing, matched as Spring matches handler mappings. Parsing a path for
 * matching costs more than the rest of the check, and nearly every request path is far from every excluded pattern
 * (the default is {@code /actuator/**}), so each pattern keeps the literal start every matching path must have and a
 * path that has none of them is answered without parsing.
 */
final class ExcludedPaths {

    private final List<Excluded> patterns;

    ExcludedPaths(List<String> patterns) {
        this.patterns = patterns.stream().map(Excluded::of).toList();
    }

    /** Whether the path, as the request carries it (not decoded), matches one of the patterns. */
    boolean matches(String path) {
        if (!mayMatch(path)) {
            return false;
        }
        return matchesParsed(PathContainer.parsePath(path));
    }

    /** Whether the already parsed path matches one of the patterns. */
    boolean matches(PathContainer path) {
        return mayMatch(path.value()) && matchesParsed(path);
    }

    private boolean matchesParsed(PathContainer path) {
        for (Excluded excluded : patterns) {
            if (excluded.pattern().matches(path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * False only when no pattern can match: the path starts with no pattern's literal start. A path with an escape
     * ({@code %}) or path parameters ({@code ;}) is matched after decoding, so it may match anyway.
     */
    private boolean mayMatch(String path) {
        if (patterns.isEmpty()) {
            return false;
        }
        if (path.indexOf('%') >= 0 || path.indexOf(';') >= 0) {
            return true;
        }
        for (Excluded excluded : patterns) {
            if (path.startsWith(excluded.literalStart())) {
                return true;
            }
        }
        return false;
    }

    /** A parsed pattern and the start every path it matches has. */
    private record Excluded(PathPattern pattern, String literalStart) {

        static Excluded of(String pattern) {
            return new Excluded(PathPatternParser.defaultInstance.parse(pattern), literalStart(pattern));
        }

        /**
         * The pattern up to its first wildcard or variable, cut before the last separator: {@code /actuator/**}
         * matches {@code /actuator} too, so its literal start is {@code /actuator}. Empty (every path may match) for
         * a pattern that does not start with a separator.
         */
        private static String literalStart(String pattern) {
            if (!pattern.startsWith("/")) {
                return "";
            }
            int end = pattern.length();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '*' || c == '?' || c == '{' || c == '%' || c == ';' || c == '\\') {
                    end = i;
                    break;
                }
            }
            int lastSeparator = pattern.lastIndexOf('/', end - 1);
            return lastSeparator <= 0 ? "" : pattern.substring(0, lastSeparator);
        }
    }
}
