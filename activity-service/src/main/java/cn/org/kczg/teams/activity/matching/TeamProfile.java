package cn.org.kczg.teams.activity.matching;

import java.util.List;

/**
 * What a team's matching text is made of (issue 22): what it registered, its members' fields, the tickets it
 * resolved and its published library entries.
 */
public record TeamProfile(String serviceContent, String distinctiveServices, String experience,
        List<String> keyFields, List<String> memberFields, List<ResolvedTicket> resolved, List<String> libraryEntries) {

    /** A ticket the team resolved: its text, whether it met the resolution deadline, and its rating if any. */
    public record ResolvedTicket(String title, String problems, String answer, boolean onTime, Integer rating) {
        String text() {
            return join(title, problems, answer);
        }
    }

    String text() {
        StringBuilder text = new StringBuilder(join(serviceContent, distinctiveServices, experience));
        // declared key fields weigh twice: they are what the team says it is for
        for (int i = 0; i < 2 && keyFields != null; i++) {
            text.append('\n').append(String.join(" ", keyFields));
        }
        if (memberFields != null) {
            text.append('\n').append(String.join(" ", memberFields));
        }
        if (resolved != null) {
            resolved.forEach(r -> text.append('\n').append(r.text()));
        }
        if (libraryEntries != null) {
            text.append('\n').append(String.join("\n", libraryEntries));
        }
        return text.toString();
    }

    private static String join(String... parts) {
        StringBuilder s = new StringBuilder();
        for (String p : parts) {
            if (p != null) {
                s.append(p).append('\n');
            }
        }
        return s.toString();
    }
}
