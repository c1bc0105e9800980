package cn.org.kczg.teams.activity.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * China's administrative divisions (GB/T 2260: province → prefecture → county) and metropolitan areas, to tell how
 * near a demand's place is to a team's: from {@code matching/divisions.tsv} ({@code code<TAB>name<TAB>parentCode})
 * and {@code matching/metro-areas.tsv} ({@code area<TAB>prefecture,prefecture,…}). Extra columns are ignored.
 */
public final class Divisions {
    public static final Divisions NONE = new Divisions(Map.of(), List.of());

    public enum Nearness {
        /** The same prefecture (a county or district counts as its prefecture; a municipality is one prefecture). */
        SAME_CITY,
        /** The same province, or one metropolitan area. */
        NEAR,
        ELSEWHERE
    }

    private record Division(String code, String name, String parent) {
    }

    private final Map<String, Division> byCode;
    private final Map<String, List<Division>> byName = new HashMap<>();
    /** Per prefecture code, the metropolitan areas it belongs to. */
    private final Map<String, Set<String>> areasOf = new HashMap<>();
    private final Map<String, Optional<Division>> resolved = new ConcurrentHashMap<>();

    private Divisions(Map<String, Division> byCode, List<Map.Entry<String, List<String>>> metroAreas) {
        this.byCode = byCode;
        for (Division d : byCode.values()) {
            byName.computeIfAbsent(d.name(), n -> new ArrayList<>()).add(d);
        }
        byName.values().forEach(list -> list.sort((a, b) -> a.code().compareTo(b.code())));
        for (Map.Entry<String, List<String>> area : metroAreas) {
            for (String city : area.getValue()) {
                resolve(city).map(this::prefecture).ifPresent(p -> areasOf.computeIfAbsent(p, k -> new HashSet<>())
                        .add(area.getKey()));
            }
        }
    }

    public static Divisions classpath() {
        ClassLoader loader = Divisions.class.getClassLoader();
        InputStream divisions = loader.getResourceAsStream("matching/divisions.tsv");
        if (divisions == null) {
            return NONE;
        }
        InputStream metro = loader.getResourceAsStream("matching/metro-areas.tsv");
        return read(divisions, metro);
    }

    public static Divisions read(InputStream divisions, InputStream metroAreas) {
        Map<String, Division> byCode = new HashMap<>();
        for (String[] cols : rows(divisions)) {
            if (cols.length < 2 || !cols[0].strip().matches("\\d{6}")) {
                throw new IllegalArgumentException("divisions.tsv: not code<TAB>name<TAB>parentCode: "
                        + String.join("\t", cols));
            }
            String parent = cols.length > 2 && !cols[2].isBlank() ? cols[2].strip() : null;
            byCode.put(cols[0].strip(), new Division(cols[0].strip(), cols[1].strip(), parent));
        }
        List<Map.Entry<String, List<String>>> areas = new ArrayList<>();
        if (metroAreas != null) {
            for (String[] cols : rows(metroAreas)) {
                if (cols.length < 2) {
                    throw new IllegalArgumentException("metro-areas.tsv: not area<TAB>city,city: " + cols[0]);
                }
                areas.add(Map.entry(cols[0].strip(), List.of(cols[1].strip().split("\\s*[,，、]\\s*"))));
            }
        }
        return new Divisions(byCode, areas);
    }

    private static List<String[]> rows(InputStream in) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    public int size() {
        return byCode.size();
    }

    /** How near a demand's place is to the nearest of a team's places; unknown places compare by their names. */
    public Nearness nearness(String demandPlace, Collection<String> teamPlaces) {
        if (demandPlace == null || demandPlace.isBlank() || teamPlaces == null) {
            return Nearness.ELSEWHERE;
        }
        Optional<Division> demand = resolve(demandPlace);
        Nearness best = Nearness.ELSEWHERE;
        for (String place : teamPlaces) {
            Nearness n = demand.flatMap(d -> resolve(place).map(t -> nearness(d, t)))
                    .orElseGet(() -> sameName(demandPlace, place) ? Nearness.SAME_CITY : Nearness.ELSEWHERE);
            if (n.compareTo(best) < 0) {
                best = n;
            }
        }
        return best;
    }

    private Nearness nearness(Division demand, Division team) {
        String demandCity = prefecture(demand);
        String teamCity = prefecture(team);
        if (teamCity == null) {
            // the team names a whole province: near anywhere in it
            return province(demand).equals(team.code()) ? Nearness.NEAR : Nearness.ELSEWHERE;
        }
        if (teamCity.equals(demandCity)) {
            return Nearness.SAME_CITY;
        }
        if (province(demand).equals(province(team))) {
            return Nearness.NEAR;
        }
        Set<String> areas = areasOf.getOrDefault(demandCity, Set.of());
        return areasOf.getOrDefault(teamCity, Set.of()).stream().anyMatch(areas::contains) ? Nearness.NEAR
                : Nearness.ELSEWHERE;
    }

    /** "苏州", "苏州市" and "浙江省宁波市慈溪市" resolve; of equal names the lowest code wins. */
    private Optional<Division> resolve(String place) {
        Optional<Division> known = resolved.get(place);
        if (known == null) {
            known = lookUp(place.strip());
            if (resolved.size() < 100_000) {
                resolved.put(place, known);
            }
        }
        return known;
    }

    private Optional<Division> lookUp(String p) {
        for (String candidate : List.of(p, p + "市", p + "省", p + "区", p + "县")) {
            List<Division> found = byName.get(candidate);
            if (found != null) {
                return Optional.of(found.get(0));
            }
        }
        // a longer text naming a division: the longest name it ends with, then the longest it contains
        Division best = null;
        for (Map.Entry<String, List<Division>> e : byName.entrySet()) {
            String name = e.getKey();
            if (name.length() >= 2 && p.contains(name) && (best == null || name.length() > best.name().length()
                    || name.length() == best.name().length() && p.endsWith(name))) {
                best = e.getValue().get(0);
            }
        }
        return Optional.ofNullable(best);
    }

    /** The prefecture a division is in (itself for a prefecture or a municipality); null for a province. */
    private String prefecture(Division d) {
        if (d.parent() == null) {
            return municipality(d) ? d.code() : null;
        }
        Division parent = byCode.get(d.parent());
        if (parent == null || parent.parent() == null) {
            // a prefecture, or a district of a municipality
            return parent != null && municipality(parent) ? parent.code() : d.code();
        }
        return parent.code();
    }

    private String province(Division d) {
        Division at = d;
        for (int depth = 0; at.parent() != null && byCode.containsKey(at.parent()) && depth < 4; depth++) {
            at = byCode.get(at.parent());
        }
        return at.code();
    }

    /** 北京, 天津, 上海, 重庆: province-level, their districts directly under them. */
    private static boolean municipality(Division d) {
        return d.name().endsWith("市") && d.parent() == null;
    }

    private static boolean sameName(String a, String b) {
        String x = strip(a);
        String y = strip(b);
        return !x.isEmpty() && !y.isEmpty() && (x.contains(y) || y.contains(x));
    }

    private static String strip(String place) {
        String p = place == null ? "" : place.strip();
        return p.length() > 2 && (p.endsWith("市") || p.endsWith("省")) ? p.substring(0, p.length() - 1) : p;
    }
}
