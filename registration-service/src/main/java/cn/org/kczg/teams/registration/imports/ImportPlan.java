package cn.org.kczg.teams.registration.imports;

import java.util.List;

/**
 * A checked file against what is registered: the rows to import, every problem, and how many lead units and teams
 * would be created or are already there as the file says.
 */
record ImportPlan(ImportFile file, int rows, List<ImportRow> valid, List<ImportProblem> problems, int newUnits,
        int newTeams, int unchangedUnits, int unchangedTeams) {
}
