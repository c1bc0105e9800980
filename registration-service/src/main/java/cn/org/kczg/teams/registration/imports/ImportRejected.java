package cn.org.kczg.teams.registration.imports;

import cn.org.kczg.teams.registration.imports.ImportDtos.ImportView;

/** A real run refused for the file's problems: 400 {@code import-invalid}, the problems in {@code problems}. */
class ImportRejected extends RuntimeException {
    final ImportView view;

    ImportRejected(ImportView view) {
        super(view.problemCount() + " problems in the import file");
        this.view = view;
    }
}
