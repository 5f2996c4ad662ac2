package dev.asymmetric.spec;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for a misspelt key or name: the closest candidate within a small edit distance. */
public final class Suggest {
    private Suggest() {
    }

    /** The closest of {@code candidates} to {@code word}, or null if none is close enough to be a typo. */
    public static String closest(String word, Collection<String> candidates) {
        if (word == null) {
            return null;
        }
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            String lower = c.toLowerCase(Locale.ROOT);
            int d = distance(w, lower);
            // Only candidates close enough to be a typo compete, so a far one can't shadow a prefix match.
            if (d < bestDistance && (d <= allowed(lower) || isPrefix(w, lower))) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int allowed(String candidate) {
        return Math.max(1, Math.min(3, candidate.length() / 3));
    }

    private static boolean isPrefix(String word, String candidate) {
        return word.length() >= 3 && (candidate.startsWith(word) || word.startsWith(candidate));
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
