package cn.org.kczg.teams.activity.statistics;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answers of the statistics endpoints: stable keys, Chinese labels, counts computed in SQL. */
public final class StatisticsDtos {
    private StatisticsDtos() {
    }

    @Schema(name = "StatisticsFilters", description = "The filters the figures were computed with (null: not narrowed).")
    public record Filters(
            @Schema(description = "Only this region (a ticket's region, an activity's city, a team's pilot city).") String region,
            @Schema(description = "Only this service category (Art. 11), a ServiceCategory name.") String category) {
    }

    @Schema(name = "StatisticsGroup", description = "One group of a breakdown: its stable key, its Chinese label, the count.")
    public record Group(
            @Schema(description = "The stable key, e.g. a status or category name, a region, a month number.",
                    required = true) String key,
            @Schema(description = "The Chinese label of the key.", required = true) String label,
            @Schema(description = "How many fall in the group.", required = true) long count) {
    }

    @Schema(name = "StatisticsHoursGroup", description = "One group of volunteer participations: count and hours.")
    public record HoursGroup(
            @Schema(description = "The stable key.", required = true) String key,
            @Schema(description = "The Chinese label of the key.", required = true) String label,
            @Schema(description = "Participations in the group.", required = true) long count,
            @Schema(description = "Their hours.", required = true) BigDecimal hours) {
    }

    @Schema(name = "TicketStatistics", description = "Demand tickets created in the year (China time).")
    public record TicketStatistics(
            @Schema(description = "The year counted.", required = true) int year,
            @Schema(description = "The filters the figures were computed with.", required = true) Filters filters,
            @Schema(description = "Tickets created in the year.", required = true) long total,
            @Schema(description = "Of them, past a first-response or resolution due time.", required = true) long overdue,
            @Schema(description = "By status; every status, zero included.", required = true) List<Group> byStatus,
            @Schema(description = "By region, most first.", required = true) List<Group> byRegion,
            @Schema(description = "By service category asked for (a ticket may ask for several); every category.",
                    required = true) List<Group> byCategory,
            @Schema(description = "The teams with the most overdue tickets (key: team id, label: team name), at most 20.",
                    required = true) List<Group> byOverdueTeam) {
    }

    @Schema(name = "ActivityStatistics", description = "Reported activities counted for the year.")
    public record ActivityStatistics(
            @Schema(description = "The year counted.", required = true) int year,
            @Schema(description = "The filters the figures were computed with.", required = true) Filters filters,
            @Schema(description = "Activities of the year.", required = true) long total,
            @Schema(description = "Their participants.", required = true) long participants,
            @Schema(description = "By service category; every category.", required = true) List<Group> byCategory,
            @Schema(description = "By city (\"-\": online or none given), most first.", required = true) List<Group> byRegion,
            @Schema(description = "By month of the start date, 1 to 12, every month.", required = true) List<Group> byMonth) {
    }

    @Schema(name = "UploadPeriodStatistics", description = "How complete one kind's uploads are for one period.")
    public record UploadPeriod(
            @Schema(description = "The upload kind.", required = true) String kind,
            @Schema(description = "Its Chinese label.", required = true) String kindLabel,
            @Schema(description = "The reporting period, e.g. 2026-Q3.", required = true) String period,
            @Schema(description = "Active teams expected to upload.", required = true) long expected,
            @Schema(description = "Of them, teams that uploaded for the period.", required = true) long uploaded,
            @Schema(description = "Of them, teams whose first upload was on time.", required = true) long onTime,
            @Schema(description = "uploaded / expected, 0 to 1 (0 when none expected).", required = true) double completeness) {
    }

    @Schema(name = "UploadStatistics", description = "Periodic uploads' completeness per kind and period of the year.")
    public record UploadStatistics(
            @Schema(description = "The year counted.", required = true) int year,
            @Schema(description = "The filters the figures were computed with.", required = true) Filters filters,
            @Schema(description = "Active teams matching the filters (expected to upload).", required = true) long teams,
            @Schema(description = "Every scheduled kind × period of the year.", required = true) List<UploadPeriod> byPeriod) {
    }

    @Schema(name = "VolunteerStatistics", description = "Volunteer participations logged for activities of the year.")
    public record VolunteerStatistics(
            @Schema(description = "The year counted.", required = true) int year,
            @Schema(description = "The filters the figures were computed with.", required = true) Filters filters,
            @Schema(description = "Participations logged.", required = true) long total,
            @Schema(description = "Distinct volunteers with confirmed hours.", required = true) long volunteers,
            @Schema(description = "Confirmed volunteer hours.", required = true) BigDecimal hours,
            @Schema(description = "By status; every status.", required = true) List<HoursGroup> byStatus,
            @Schema(description = "Confirmed, by the activity's service category; every category.",
                    required = true) List<HoursGroup> byCategory,
            @Schema(description = "Confirmed, by the activity's city, most hours first.", required = true)
            List<HoursGroup> byRegion) {
    }

    @Schema(name = "TeamStatistics", description = "Teams as they stand now (activity-service's copy of them).")
    public record TeamStatistics(
            @Schema(description = "The year asked for; teams are counted as they stand now.", required = true) int year,
            @Schema(description = "The filters the figures were computed with.", required = true) Filters filters,
            @Schema(description = "Teams matching the filters.", required = true) long total,
            @Schema(description = "By status; every status.", required = true) List<Group> byStatus,
            @Schema(description = "By service category (a team may have several); every category.",
                    required = true) List<Group> byCategory,
            @Schema(description = "By pilot city (a team may have several), most first.", required = true)
            List<Group> byRegion) {
    }
}
