package cn.mingjie.gazetteer.search.internal;

/** Bounded edit distance, to label the fuzzy candidates the typo clause found. */
final class Levenshtein {

    private Levenshtein() {}

    /**
     * The edit distance of a and b, or {@code max + 1} if it exceeds {@code max}. Only the diagonal band
     * of cells within {@code max} of each other is computed: a cell outside it is already more than
     * {@code max} edits away, and the band is what keeps the typo candidates' labelling cheap (every
     * candidate's every pinyin key is measured).
     */
    static int distance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
        int over = max + 1;
        int[] prev = new int[m + 2];
        int[] cur = new int[m + 2];
        for (int j = 0; j <= m + 1; j++) {
            prev[j] = Math.min(j, over);
        }
        for (int i = 1; i <= n; i++) {
            int from = Math.max(1, i - max);
            int to = Math.min(m, i + max);
            cur[from - 1] = from == 1 ? Math.min(i, over) : over;
            char c = a.charAt(i - 1);
            int rowMin = cur[from - 1];
            for (int j = from; j <= to; j++) {
                int cost = c == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                cur[j] = Math.min(d, over);
                rowMin = Math.min(rowMin, cur[j]);
            }
            cur[to + 1] = over; // the cell right of the band, which the next row reads as its upper neighbour
            if (rowMin > max) {
                return over;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
