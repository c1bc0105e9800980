package cn.org.kczg.teams.activity.matching;

import cn.org.kczg.teams.activity.ticket.TeamMatcher;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/** The labelled evaluation set: {@code matching/teams.json} and {@code matching/demands.json} (test resources). */
public final class MatchingDataSet {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public record Resolved(String title, String technicalProblems, String answer, Boolean onTime, Integer rating) {
    }

    public record Team(String key, String name, List<String> categories, List<String> pilotCities,
            List<String> otherRegions, List<String> keyFields, String serviceContent, String distinctiveServices,
            String experience, List<String> memberFields, Boolean online, List<Resolved> resolved,
            List<String> libraryEntries) {

        public UUID id() {
            return UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        public TeamProfile profile() {
            return new TeamProfile(serviceContent, distinctiveServices, experience, keyFields, memberFields,
                    resolved == null ? List.of() : resolved.stream().map(r -> new TeamProfile.ResolvedTicket(r.title(),
                            r.technicalProblems(), r.answer(), !Boolean.FALSE.equals(r.onTime()), r.rating())).toList(),
                    libraryEntries);
        }

        public TeamMatcher.Candidate candidate(ChineseTerms terms) {
            return new TeamMatcher.Candidate(id(), name, categories, pilotCities, otherRegions,
                    Boolean.TRUE.equals(online), TeamDocument.of(profile(), terms), TeamMatcher.Workload.NONE);
        }
    }

    public record Demand(String id, String projectName, String industryField, String background,
            String technicalProblems, String expectedTargets, String region, List<String> categories,
            List<String> keywords, String expected) {

        public TeamMatcher.Demand demand() {
            return new TeamMatcher.Demand(categories, region, industryField, keywords, projectName, background,
                    technicalProblems, expectedTargets);
        }
    }

    public static List<Team> teams() {
        return read("matching/teams.json", Team[].class);
    }

    public static List<Demand> demands() {
        return read("matching/demands.json", Demand[].class);
    }

    private static <T> List<T> read(String resource, Class<T[]> type) {
        try (InputStream in = MatchingDataSet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return List.of(JSON.readValue(in, type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
