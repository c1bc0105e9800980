package cn.org.kczg.teams.kit.crypto;

import java.util.Arrays;

/** The authenticated ciphers of {@link FieldCipher}, by the name stored in each value. */
public enum FieldAlgorithm {
    AES_GCM("AES-GCM", 32),
    SM4_GCM("SM4-GCM", 16);

    private final String label;
    private final int keyBytes;

    FieldAlgorithm(String label, int keyBytes) {
        this.label = label;
        this.keyBytes = keyBytes;
    }

    public String label() {
        return label;
    }

    public int keyBytes() {
        return keyBytes;
    }

    public static FieldAlgorithm of(String label) {
        return Arrays.stream(values()).filter(a -> a.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown cipher " + label + "; AES-GCM or SM4-GCM"));
    }
}
