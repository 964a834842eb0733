package io.github.secretencryption.keys;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link KeyFileStore} on a file system with access control lists and no POSIX
 * permissions, as on Windows: an in-memory file system whose new files belong to the user
 * that runs the tests, as new files on Windows belong to the user that creates them.
 */
class KeyFileStoreAclTests {

	private static final String NAME = "secret-encryption";

	private final String user = System.getProperty("user.name");

	private FileSystem fileSystem;

	private Path directory;

	@BeforeEach
	void createFileSystem() throws IOException {
		this.fileSystem = Jimfs.newFileSystem(Configuration.windows()
			.toBuilder()
			.setAttributeViews("basic", "owner", "acl")
			.setDefaultAttributeValue("owner:owner", this.user)
			.build());
		this.directory = this.fileSystem.getPath("C:\\ProgramData\\app\\keys");
	}

	@AfterEach
	void closeFileSystem() throws IOException {
		this.fileSystem.close();
	}

	@Test
	void fileSystemHasAccessControlListsAndNoPosixPermissions() {
		assertThat(this.fileSystem.supportedFileAttributeViews()).contains("acl").doesNotContain("posix", "unix");
	}

	@Test
	void keysAreAddedPromotedAndRetiredWithOwnerOnlyAccessControlLists() throws IOException {
		KeyFileStore store = new KeyFileStore(this.directory);
		EncryptionKey former = store.loadOrCreate(NAME);
		EncryptionKey added = store.addKey(NAME);
		assertThat(acl(added.getFile())).singleElement()
			.satisfies((entry) -> assertThat(entry.principal()).isEqualTo(owner()));
		store.promote(NAME, added.getId());
		KeyRing ring = store.loadKeyRing(List.of(NAME));
		assertThat(ring.getKeys(NAME)).extracting(EncryptionKey::getId).containsExactly(added.getId(), former.getId());
		Path retired = store.retire(NAME, former.getId());
		assertThat(acl(retired.getParent())).singleElement()
			.satisfies((entry) -> assertThat(entry.principal()).isEqualTo(owner()));
		assertThat(store.loadKeyRing(List.of(NAME)).find(NAME, former.getId())).isNull();
	}

	@Test
	void firstStartCreatesDirectoryAndKeyWithOneEntryThatAllowsTheOwner() throws IOException {
		EncryptionKey key = new KeyFileStore(this.directory).loadOrCreate(NAME);
		Path file = this.directory.resolve(NAME + ".key");
		assertThat(key.getFile()).isEqualTo(file);
		assertThat(file).hasSize(32);
		assertThat(key.getId()).isEqualTo(KeyId.derive(Files.readAllBytes(file)));
		UserPrincipal owner = owner();
		assertThat(acl(this.directory)).singleElement().satisfies((entry) -> {
			assertThat(entry.type()).isEqualTo(AclEntryType.ALLOW);
			assertThat(entry.principal()).isEqualTo(owner);
			assertThat(entry.permissions())
				.containsExactlyInAnyOrderElementsOf(EnumSet.allOf(AclEntryPermission.class));
			assertThat(entry.flags()).containsExactlyInAnyOrder(AclEntryFlag.FILE_INHERIT,
					AclEntryFlag.DIRECTORY_INHERIT);
		});
		assertThat(acl(file)).singleElement().satisfies((entry) -> {
			assertThat(entry.type()).isEqualTo(AclEntryType.ALLOW);
			assertThat(entry.principal()).isEqualTo(owner);
			assertThat(entry.flags()).isEmpty();
		});
		assertThat(list(this.directory)).containsExactly(NAME + ".key");
	}

	@Test
	void secondStartLoadsTheSameKey() {
		EncryptionKey first = new KeyFileStore(this.directory).loadOrCreate(NAME);
		EncryptionKey second = new KeyFileStore(this.directory).loadOrCreate(NAME);
		assertThat(second.getId()).isEqualTo(first.getId());
		assertThat(new KeyFileStore(this.directory).load(NAME).hasSameBytesAs(first)).isTrue();
	}

	@ParameterizedTest
	@EnumSource(names = { "READ_DATA", "WRITE_DATA", "APPEND_DATA", "WRITE_ACL", "WRITE_OWNER" })
	void keyFileWithAnEntryThatLetsSomeoneElseReadOrChangeItIsRefused(AclEntryPermission permission)
			throws IOException {
		Path file = new KeyFileStore(this.directory).loadOrCreate(NAME).getFile();
		addEntry(file, AclEntryType.ALLOW, everyone(), permission);
		KeyFileException ex = assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> new KeyFileStore(this.directory).load(NAME))
			.withMessage("Key file " + file + " has an access control entry that lets Everyone read or change it (key "
					+ NAME + ")")
			.actual();
		assertThat(ex.getPath()).isEqualTo(file);
		assertThat(ex.getAction()).isEqualTo("Leave only the owner's entry, for example with 'icacls \"" + file
				+ "\" /inheritance:r /remove \"Everyone\"', and check that nobody else has read the key");
	}

	@Test
	void keyDirectoryWithAnEntryThatLetsSomeoneElseListItIsRefused() throws IOException {
		new KeyFileStore(this.directory).loadOrCreate(NAME);
		addEntry(this.directory, AclEntryType.ALLOW, everyone(), AclEntryPermission.LIST_DIRECTORY);
		assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> new KeyFileStore(this.directory).loadOrCreate(NAME))
			.withMessage("Key directory " + this.directory
					+ " has an access control entry that lets Everyone read or change it (key " + NAME + ")");
	}

	@Test
	void entriesThatDenyOrOnlyLetOthersSeeAttributesAreAccepted() throws IOException {
		Path file = new KeyFileStore(this.directory).loadOrCreate(NAME).getFile();
		addEntry(file, AclEntryType.DENY, everyone(), AclEntryPermission.READ_DATA);
		addEntry(file, AclEntryType.ALLOW, everyone(), AclEntryPermission.READ_ATTRIBUTES, AclEntryPermission.READ_ACL,
				AclEntryPermission.SYNCHRONIZE);
		addEntry(file, AclEntryType.AUDIT, everyone(), AclEntryPermission.READ_DATA);
		assertThat(new KeyFileStore(this.directory).load(NAME).getFile()).isEqualTo(file);
	}

	@Test
	void keyFileOwnedBySomeoneElseIsRefused() throws IOException {
		Path file = new KeyFileStore(this.directory).loadOrCreate(NAME).getFile();
		Files.setOwner(file, this.fileSystem.getUserPrincipalLookupService().lookupPrincipalByName("mallory"));
		KeyFileException ex = assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> new KeyFileStore(this.directory).load(NAME))
			.withMessage("Key file " + file + " is owned by mallory, not by " + this.user
					+ " that runs the application (key " + NAME + ")")
			.actual();
		assertThat(ex.getAction()).isEqualTo("Run the application as the user that owns the keys, or run 'icacls \""
				+ file + "\" /setowner \"" + this.user + "\"' and check that nobody else has read or changed the key");
	}

	@Test
	void partialTemporaryFileIsNeverLoadedAndIsDeletedOnceAMinuteOld() throws IOException {
		Files.createDirectories(this.directory);
		Path partial = Files.write(this.directory.resolve("." + NAME + ".1234.tmp"), new byte[7]);
		Files.setLastModifiedTime(partial, FileTime.from(Instant.now().minus(Duration.ofMinutes(2))));
		EncryptionKey key = new KeyFileStore(this.directory).loadOrCreate(NAME);
		assertThat(key.getFile()).hasSize(32);
		assertThat(partial).doesNotExist();
	}

	@Test
	void mountedKeyWithOnlyTheOwnersEntryIsLoadedAndNothingIsWritten() throws IOException {
		Path file = new KeyFileStore(this.directory).loadOrCreate(NAME).getFile();
		FileTime modified = Files.getLastModifiedTime(this.directory);
		KeyFileStore store = new KeyFileStore(this.directory, KeySource.MOUNTED);
		assertThat(store.load(NAME).getFile()).isEqualTo(file);
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.loadOrCreate("health-check"))
			.withMessageContaining("keys are never created");
		assertThat(list(this.directory)).containsExactly(NAME + ".key");
		assertThat(Files.getLastModifiedTime(this.directory)).isEqualTo(modified);
	}

	private UserPrincipal owner() throws IOException {
		return this.fileSystem.getUserPrincipalLookupService().lookupPrincipalByName(this.user);
	}

	private UserPrincipal everyone() throws IOException {
		return this.fileSystem.getUserPrincipalLookupService().lookupPrincipalByGroupName("Everyone");
	}

	private static List<AclEntry> acl(Path path) throws IOException {
		return Files.getFileAttributeView(path, AclFileAttributeView.class).getAcl();
	}

	private static void addEntry(Path path, AclEntryType type, UserPrincipal principal,
			AclEntryPermission... permissions) throws IOException {
		List<AclEntry> acl = new ArrayList<>(acl(path));
		acl.add(AclEntry.newBuilder().setType(type).setPrincipal(principal).setPermissions(permissions).build());
		Files.getFileAttributeView(path, AclFileAttributeView.class).setAcl(acl);
	}

	private static List<String> list(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
	}

}
