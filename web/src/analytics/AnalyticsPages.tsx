// The work-order import pages, loaded together when one of them is first opened (see App.tsx).
import './analytics.css';
import { ImportDetailPage } from './ImportDetailPage';
import { ImportsPage } from './ImportsPage';
import { ProfilePage } from './ProfilePage';
import { ProfilesPage } from './ProfilesPage';
import {
  ANALYTICS_PROFILES_PAGE,
  ANALYTICS_UPLOAD_PAGE,
  importIdOf,
  NEW_PROFILE,
  profileIdOf,
} from './paths';
import { UploadPage } from './UploadPage';

export function AnalyticsPages({ path }: { path: string }) {
  if (path === ANALYTICS_UPLOAD_PAGE.path) return <UploadPage />;
  if (path === ANALYTICS_PROFILES_PAGE.path) return <ProfilesPage />;
  const importId = importIdOf(path);
  if (importId) return <ImportDetailPage key={importId} id={importId} />;
  const profileId = profileIdOf(path);
  if (profileId) {
    return <ProfilePage key={profileId} id={profileId === NEW_PROFILE ? null : profileId} />;
  }
  return <ImportsPage />;
}
