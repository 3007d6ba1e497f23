package dev.parapet.model;

/** Letter grade derived from a 0–100 score: A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, F below. */
public enum Grade {
    A, B, C, D, F;

    public static Grade of(int score) {
        if (score >= 90) return A;
        if (score >= 80) return B;
        if (score >= 70) return C;
        if (score >= 60) return D;
        return F;
    }

    /** The worse of two grades. */
    public Grade atMost(Grade cap) {
        return compareTo(cap) >= 0 ? this : cap;
    }
}
