package dev.proctor.cli.datasets;

import dev.proctor.api.ProctorException;
import dev.proctor.datasets.DatasetEntry;
import dev.proctor.datasets.DatasetLock;
import dev.proctor.datasets.DatasetSource;
import dev.proctor.datasets.LockedFile;
import dev.proctor.datasets.Locker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code proctor datasets lock ID --from URL|DIR}: hashes a source's files and writes the dataset's entry into
 * the lock, replacing an older one (its license and citation are kept unless given again).
 */
@Command(name = "lock",
        description = "Compute a dataset's entry (every file's SHA-256 and size) from a source and write it to the lock.")
final class LockCommand implements Callable<Integer> {
    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*");
    private static final Pattern GITHUB = Pattern.compile("https://github\\.com/([^/]+)/([^/]+?)(?:\\.git)?/?");

    /** Not the standard help mixin: its -V/--version would take the name of the dataset's --version. */
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(paramLabel = "ID", description = "The dataset's name (the task's name: cmmlu, ceval, mmlu).")
    String id;

    @Option(names = "--from", required = true, paramLabel = "URL|DIR",
            description = "A folder; a .zip address; a file address template with {path} or a base address (with"
                    + " --file); or the address of a text file listing the paths.")
    String from;

    @Option(names = "--version", paramLabel = "V", description = "Version label (default: the commit's first 7 digits).")
    String version;

    @Option(names = "--license", description = "The data's license, as its source states it.")
    String license;

    @Option(names = "--citation", description = "How to cite the benchmark.")
    String citation;

    @Option(names = "--include", paramLabel = "GLOB", description = "Lock only matching paths (data/test/*.csv). Repeatable.")
    List<String> includes = new ArrayList<>();

    @Option(names = "--file", paramLabel = "PATH", description = "A file to fetch from a URL template or base address. Repeatable.")
    List<String> files = new ArrayList<>();

    @Option(names = "--repository", paramLabel = "URL", description = "The source's git repository (with --commit).")
    String repository;

    @Option(names = "--commit", paramLabel = "SHA", description = "The commit the files were published from.")
    String commit;

    @Option(names = "--url-template", paramLabel = "URL",
            description = "Where each file of a folder can be fetched, {path} replaced by its path"
                    + " (default for a GitHub --repository: raw.githubusercontent.com at --commit).")
    String urlTemplate;

    @Option(names = "--lock", paramLabel = "FILE", defaultValue = DatasetLock.FILE_NAME,
            description = "The lock file to update. Default: ${DEFAULT-VALUE}.")
    Path lockFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if ((repository == null) != (commit == null)) {
            throw new ProctorException("--repository and --commit go together");
        }
        DatasetLock lock = DatasetLock.readOrEmpty(lockFile);
        Optional<DatasetEntry> old = lock.find(id);
        boolean remote = URL.matcher(from).matches();
        if (!remote && !files.isEmpty()) {
            throw new ProctorException("--file names files at an address; for a folder use --include GLOB");
        }
        Locker.Locked locked = remote ? Locker.standard().fromUrl(from, files, includes)
                : new Locker.Locked(folderSource(), Locker.fromDirectory(Path.of(from), includes));
        DatasetEntry entry = new DatasetEntry(id, version(old), pick(license, old.map(DatasetEntry::license)),
                pick(citation, old.map(DatasetEntry::citation)), withGit(locked.source()), locked.files());
        lock.with(entry).write(lockFile);
        spec.commandLine().getOut().printf("locked %s %s: %d files, %d bytes, from %s%s; written to %s%n", entry.id(),
                entry.version(), entry.files().size(), entry.totalBytes(), entry.source().describe(),
                old.map(o -> " (" + changes(o, entry) + ")").orElse(""), lockFile);
        return 0;
    }

    private String version(Optional<DatasetEntry> old) {
        if (version != null) {
            return version;
        }
        if (commit != null) {
            return commit.substring(0, Math.min(7, commit.length()));
        }
        return old.map(DatasetEntry::version).orElseThrow(() ->
                new ProctorException("give --version (or --commit) for the new dataset " + id));
    }

    private DatasetSource folderSource() {
        if (repository != null) {
            return DatasetSource.git(repository, commit, urlTemplate != null ? urlTemplate : rawGitHub());
        }
        return urlTemplate != null ? DatasetSource.url(urlTemplate) : DatasetSource.local();
    }

    /** A per-file source from an address becomes a git source when the user names the repository and commit. */
    private DatasetSource withGit(DatasetSource source) {
        if (repository == null || DatasetSource.GIT.equals(source.type()) || DatasetSource.LOCAL.equals(source.type())) {
            return source;
        }
        if (source.isArchive()) {
            throw new ProctorException("--repository and --commit describe per-file sources, not an archive");
        }
        return DatasetSource.git(repository, commit, source.fileUrlTemplate());
    }

    private String rawGitHub() {
        Matcher m = GITHUB.matcher(repository);
        if (!m.matches()) {
            throw new ProctorException("give --url-template: " + repository + " is not a GitHub repository address");
        }
        return "https://raw.githubusercontent.com/" + m.group(1) + "/" + m.group(2) + "/" + commit + "/"
                + DatasetSource.PATH_PLACEHOLDER;
    }

    private static String pick(String given, Optional<String> old) {
        return given != null ? given : old.orElse(null);
    }

    /** {@code 2 changed, 1 added, 0 removed}: what a re-lock did to an existing entry. */
    static String changes(DatasetEntry old, DatasetEntry now) {
        Map<String, LockedFile> before = old.files().stream().collect(Collectors.toMap(LockedFile::path, Function.identity()));
        Map<String, LockedFile> after = now.files().stream().collect(Collectors.toMap(LockedFile::path, Function.identity()));
        long changed = after.keySet().stream().filter(before::containsKey).filter(p -> !before.get(p).equals(after.get(p))).count();
        long added = after.keySet().stream().filter(p -> !before.containsKey(p)).count();
        long removed = before.keySet().stream().filter(p -> !after.containsKey(p)).count();
        return changed + " changed, " + added + " added, " + removed + " removed";
    }
}
