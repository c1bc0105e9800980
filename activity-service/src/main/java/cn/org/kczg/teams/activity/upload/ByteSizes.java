package cn.org.kczg.teams.activity.upload;

import java.util.Locale;

/** Byte counts as people read them in a problem's detail: 812.4 KB, 1.0 MB (binary units). */
final class ByteSizes {
    private ByteSizes() {
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
