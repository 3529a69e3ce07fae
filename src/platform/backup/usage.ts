// The help text of `plantintel backup` and `restore`: main.ts shows it without loading the commands.

export const BACKUP_USAGE = `plantintel backup --out <file>

Writes one archive (a tar) holding the database and the stored files under DATA_DIR (imported
files, inspection images, uploads, watched folders), with a manifest: format version, driver,
applied migrations, PlantIntel version and time. Safe while servers run:
  PostgreSQL (DATABASE_URL): pg_dump --format=custom (Debian's postgresql-client) reads one snapshot.
  Embedded (DATA_DIR): the running server dumps its database between transactions over its local
  control socket (DATA_DIR/.control/backup.sock); with no server running, the directory is opened here.
The database is dumped first, the stored files after. An existing <file> is replaced only once the
new archive is complete.`;

export const RESTORE_USAGE = `plantintel restore <file> [--force]

Restores a backup into the configured target: the embedded database in DATA_DIR (DATABASE_URL
unset; stop its server first), or the PostgreSQL database of DATABASE_URL (stop the servers using
it). The archive is verified (manifest, checksum of every entry) before the target is touched, and
the restore is all-or-nothing. Migrations then run, so a backup of an earlier release comes back
at this release's schema. A target holding data is refused unless --force (which replaces it).
On PostgreSQL the roles plantintel_app and plantintel_platform are created when missing (the
user needs CREATEROLE, or create them first).`;
