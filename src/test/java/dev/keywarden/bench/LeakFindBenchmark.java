package dev.keywarden.bench;

import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.leak.Candidate;
import dev.keywarden.core.leak.LeakFinder;
import dev.keywarden.core.leak.LeakMatch;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * {@code leak-find}: how long the leak finder ({@link LeakFinder}, as {@code leak-find} and the console use it)
 * takes on the largest text {@code leak-find} reads: 16 MiB holding 300,000 keys (the target is under 5 s;
 * before extraction was made linear, 50,000 keys took 191 s), then matched against an organisation of 5,000
 * keys. Checks that every key was found and every second one matched.
 */
final class LeakFindBenchmark implements Benchmark {
    private static final int FULL_KEYS = 300_000;
    private static final int FULL_CHARS = 16 * 1024 * 1024;
    private static final int TINY_KEYS = 3_000;
    private static final int ORGANISATION_KEYS = 5_000;

    @Override
    public String name() {
        return "leak-find";
    }

    @Override
    public void run(Scale scale, Figures figures) {
        int keyCount = scale.pick(FULL_KEYS, TINY_KEYS);
        int chars = scale.full() ? FULL_CHARS : FULL_CHARS / (FULL_KEYS / TINY_KEYS);
        Random random = new Random(13);
        List<String> suffixes = new ArrayList<>(keyCount);
        String text = text(random, keyCount, chars, suffixes);
        List<KeyEntry> organisation = organisation(suffixes);

        long coldStart = System.nanoTime();
        LeakFinder.extract(text); // the first run pays for the JIT
        double cold = (System.nanoTime() - coldStart) / 1e9;
        double[] extractions = new double[scale.rounds()];
        double[] matchings = new double[scale.rounds()];
        for (int round = 0; round < scale.rounds(); round++) {
            long start = System.nanoTime();
            List<Candidate> candidates = LeakFinder.extract(text);
            long extracted = System.nanoTime();
            List<LeakMatch> matches = LeakFinder.match(candidates, organisation);
            long matched = System.nanoTime();
            check(candidates.size() == keyCount, "found " + candidates.size() + " of " + keyCount + " keys");
            long oneMatch = matches.stream().filter(match -> match.verdict() == LeakMatch.Verdict.ONE_MATCH).count();
            check(oneMatch == Math.min(ORGANISATION_KEYS, keyCount) / 2, "matched " + oneMatch + " keys");
            extractions[round] = (extracted - start) / 1e9;
            matchings[round] = (matched - extracted) / 1e9;
        }
        String how = "%.1f MiB holding %,d keys (3 in 5 of the 32-hex shape, 2 in 5 real-shaped; one in 10 wrapped)"
                .formatted(text.length() / (1024.0 * 1024.0), keyCount);
        figures.add("leak-find", median(extractions), "s", Goal.atMost(5), how + ", median of " + scale.rounds());
        figures.add("leak-find-first", cold, "s", "the same, first run (JIT included)");
        figures.add("leak-find-match", median(matchings), "s", "against " + organisation.size() + " keys");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("leak-find: " + what);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Keys one to a line (some wrapped), then filler lines up to {@code chars}; each key's suffix noted. */
    private static String text(Random random, int keyCount, int chars, List<String> suffixes) {
        StringBuilder text = new StringBuilder(chars + 128);
        for (int i = 0; i < keyCount; i++) {
            // The last 6 characters are made from i, so every key has a suffix of its own.
            String key = i % 5 < 3 ? "confident_us_proj_" + hex(random).substring(0, 26) + "%06x".formatted(i)
                    : "confident_us_org_" + base64(random).substring(0, 38) + code(i) + "=";
            suffixes.add(key.substring(key.length() - 6));
            if (i % 10 == 9) {
                text.append(key, 0, 30).append('\n').append(key, 30, key.length());
            } else {
                text.append(key);
            }
            text.append(i % 2 == 0 ? '\n' : ' ');
        }
        while (text.length() < chars) {
            text.append("INFO request served in 12 ms, nothing secret here\n");
        }
        text.setLength(chars);
        return text.toString();
    }

    /** Every second key of the text, as an organisation would list them, up to {@value #ORGANISATION_KEYS}. */
    private static List<KeyEntry> organisation(List<String> suffixes) {
        Project project = new Project("p1", "Load", null, "org", Instant.EPOCH, null);
        List<KeyEntry> keys = new ArrayList<>(ORGANISATION_KEYS);
        for (int i = 0; i < Math.min(ORGANISATION_KEYS, suffixes.size()); i++) {
            String suffix = i % 2 == 0 ? suffixes.get(i) : "zz%04d".formatted(i % 10_000);
            ApiKey key = new ApiKey(i + 1, "k" + i, true, "*".repeat(ApiKey.MASK_STARS) + suffix, Instant.EPOCH, null);
            keys.add(i % 5 < 3 ? KeyEntry.ofProject(project, key) : KeyEntry.ofOrganisation(key));
        }
        return keys;
    }

    /** {@code i} in 5 characters of base64. */
    private static String code(int i) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder code = new StringBuilder(5);
        for (int n = 0, rest = i; n < 5; n++, rest >>= 6) {
            code.append(alphabet.charAt(rest & 63));
        }
        return code.toString();
    }

    private static String hex(Random random) {
        StringBuilder hex = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }

    private static String base64(Random random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
