package cn.org.kczg.teams.activity.upload;

import cn.org.kczg.teams.kit.crypto.Sha256;
import cn.org.kczg.teams.kit.json.InputRules;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one way a file comes in (periodic uploads, ticket attachments): from the temporary file the multipart request
 * was written to, its name checked, its size held to the use's limit, its type judged from its bytes (one the use
 * accepts, and the one its name claims), hashed and stored — each a stream, the file never whole in memory.
 */
@ApplicationScoped
public class FileIntake {
    /** The longest file name kept, in characters. */
    static final int MAX_NAME = 255;

    @Inject
    FileStore files;
    @Inject
    UploadConfig config;

    /** A file that passed {@link #check}: what it is, ready to be stored. */
    public record CheckedFile(Path path, String name, FileType type, long size, String sha256) {
    }

    /**
     * 413 {@code file-too-large} beyond {@code maxBytes}; 400 naming {@code file} for an empty file, a file name with
     * control characters or beyond {@value #MAX_NAME} characters, content of none of the {@code accepted} types, or
     * content of another type than the name claims (a DOCX or XLSX may be named .zip).
     */
    public CheckedFile check(Path file, String fileName, long maxBytes, Set<FileType> accepted) {
        String name = checkedName(fileName);
        long size = sizeOf(file);
        if (size > maxBytes) {
            throw tooLarge(size, maxBytes);
        }
        if (size == 0) {
            throw ProblemException.invalid("file", Text.of("file.empty"));
        }
        FileType actual = sniff(file).filter(accepted::contains).orElseThrow(() -> ProblemException.invalid("file",
                Text.of("file.type", accepted.stream().map(Enum::name).collect(Collectors.joining(", ")))));
        FileType claimed = FileType.ofName(name).orElse(null);
        if (claimed != actual && !(claimed == FileType.ZIP && actual.isZipPackage())) {
            throw ProblemException.invalid("file", Text.of("file.name-mismatch", actual, name));
        }
        return new CheckedFile(file, name, actual, size, sha256(file));
    }

    /** Stores the checked file in the caller's transaction; returns its id in the {@link FileStore}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID store(CheckedFile file) {
        try (InputStream in = Files.newInputStream(file.path())) {
            return files.put(in, file.size(), file.type().contentType, file.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 413 naming {@code file}: it is beyond {@code maxBytes}. */
    public static ProblemException tooLarge(long size, long maxBytes) {
        Text why = Text.of("file.too-large", ByteSizes.human(maxBytes), size);
        return new ProblemException(413, "file-too-large", Text.of("validation.field", "file", why),
                List.of(new ProblemException.FieldText("file", why)));
    }

    private static String checkedName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw ProblemException.invalid("file", Text.of("file.name-missing"));
        }
        InputRules.text(fileName).ifPresent(why -> {
            throw ProblemException.invalid("file", why);
        });
        if (fileName.length() > MAX_NAME) {
            throw ProblemException.invalid("file", Text.of("file.name-too-long", MAX_NAME));
        }
        return fileName;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<FileType> sniff(Path file) {
        try {
            return FileType.sniff(file, ZipInspection.of(config.zip()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        try {
            return Sha256.hex(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
