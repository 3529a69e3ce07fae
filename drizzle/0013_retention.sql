-- Housekeeping prunes sign-in attempts past their retention (see src/platform/db/maintenance.ts).
GRANT DELETE ON login_attempts TO plantintel_platform;
