package cn.org.kczg.teams.registration.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImportStatus", description = "CHECKED: a dry run, nothing imported; REJECTED: a real run refused for "
        + "the file's problems, nothing imported; RUNNING: being imported in batches; DONE: every row imported or found "
        + "unchanged; FAILED: stopped by an error after some batches (importing the file again completes it).")
public enum ImportStatus {
    CHECKED, REJECTED, RUNNING, DONE, FAILED
}
