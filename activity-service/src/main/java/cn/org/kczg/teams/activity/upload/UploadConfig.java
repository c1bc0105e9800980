package cn.org.kczg.teams.activity.upload;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Periodic uploads: how much a team may store, and how far a ZIP package is looked into. */
@ConfigMapping(prefix = "kczg.uploads")
public interface UploadConfig {
    /** How often missed uploads are looked for ({@link UploadWatch} reads it through its schedule). */
    @WithDefault("1h")
    Duration checkEvery();

    /** What one team may store in all, every version of every upload counted; a file that would exceed it is refused. */
    @WithDefault("500M")
    MemorySize teamQuota();

    Zip zip();

    /**
     * Bounds on reading a ZIP-based upload (ZIP, DOCX, XLSX) to tell its type: an archive beyond any of them is
     * refused, as it would be a burden (or a bomb) for whoever opens it.
     */
    interface Zip {
        /** Entries read at most. */
        @WithDefault("1000")
        int maxEntries();

        /** Uncompressed bytes, of all entries together, read at most (counted while inflating, never from headers). */
        @WithDefault("100M")
        MemorySize maxInflated();

        /** The largest ratio of an entry's inflated bytes to the compressed bytes they came from. */
        @WithDefault("100")
        int maxRatio();
    }
}
