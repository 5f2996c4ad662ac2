package dev.asymmetric.data;

/**
 * One statement of an SQL file as the server gets it: its text (no trailing semicolon), the line it starts on, and
 * for {@code COPY ... FROM stdin} the data lines that followed it in the file (up to the {@code \.} line), else null.
 */
public record SqlPiece(String sql, int line, String copyData) {

    /** The statement's first 80 characters, whitespace collapsed, for error messages. */
    public String excerpt() {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= 80 ? flat : flat.substring(0, 80) + "…";
    }

    /** The line of a 1-based character position within {@link #sql()} (a Postgres error position). */
    public int lineAt(int position) {
        int l = line;
        for (int i = 0; i < Math.min(position - 1, sql.length()); i++) {
            if (sql.charAt(i) == '\n') {
                l++;
            }
        }
        return l;
    }
}
