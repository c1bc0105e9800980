package cn.org.kczg.teams.activity.library;

import java.util.Set;

/** The SPDX licence identifiers an open-source library entry may name (https://spdx.org/licenses/). */
public final class SpdxLicences {
    private static final Set<String> KNOWN = Set.of(
            "0BSD", "AFL-3.0", "AGPL-3.0-only", "AGPL-3.0-or-later", "Apache-1.1", "Apache-2.0", "Artistic-2.0",
            "BSD-1-Clause", "BSD-2-Clause", "BSD-3-Clause", "BSD-3-Clause-Clear", "BSD-4-Clause", "BSL-1.0",
            "CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "CDDL-1.0", "CECILL-2.1", "ECL-2.0", "EPL-1.0", "EPL-2.0",
            "EUPL-1.1", "EUPL-1.2", "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0-only", "GPL-3.0-or-later", "ISC",
            "LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0-only", "LGPL-3.0-or-later", "LPPL-1.3c", "MIT", "MIT-0",
            "MPL-2.0", "MS-PL", "MS-RL", "MulanPSL-1.0", "MulanPSL-2.0", "MulanPubL-2.0", "NCSA", "ODbL-1.0",
            "OFL-1.1", "OSL-3.0", "PostgreSQL", "Python-2.0", "Unlicense", "UPL-1.0", "W3C", "WTFPL", "Zlib");

    private SpdxLicences() {
    }

    public static boolean known(String id) {
        return id != null && KNOWN.contains(id.strip());
    }
}
