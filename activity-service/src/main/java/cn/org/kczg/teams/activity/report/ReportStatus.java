package cn.org.kczg.teams.activity.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where an activity report is: corrections and withdrawal end when its year's assessment is published. */
@Schema(name = "ActivityReportStatus", description = "Where an activity report is: REPORTED as first sent, CORRECTED "
        + "once changed since, WITHDRAWN when the team or the operator took it back (it then counts for nothing and "
        + "lists leave it out unless asked for).")
public enum ReportStatus {
    REPORTED, CORRECTED, WITHDRAWN
}
