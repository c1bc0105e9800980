package cn.org.kczg.teams.registration.imports;

import cn.org.kczg.teams.kit.problem.Text;

/** What is wrong in one cell of an import file: its line (the header is 1), its column's header, and why. */
record ImportProblem(int row, String column, Text message) {
    static ImportProblem of(int row, ImportColumn column, Text message) {
        return new ImportProblem(row, column.header, message);
    }
}
