// The work-order pages, loaded together when one of them is first opened (see App.tsx).
import './analytics.css';
import { AnalysesPage } from './AnalysesPage';
import { AnalysisPage } from './AnalysisPage';
import { ConfigPage } from './ConfigPage';
import { ComparePage } from './compare/ComparePage';
import { ANALYTICS_COMPARE_PAGE } from './compare/page';
import { ImportDetailPage } from './ImportDetailPage';
import { ImportsPage } from './ImportsPage';
import { ProfilePage } from './ProfilePage';
import { ProfilesPage } from './ProfilesPage';
import {
  ANALYTICS_ANALYSES_PAGE,
  ANALYTICS_CONFIG_PAGE,
  ANALYTICS_PROFILES_PAGE,
  ANALYTICS_UPLOAD_PAGE,
  analysisIdOf,
  importIdOf,
  NEW_PROFILE,
  profileIdOf,
} from './paths';
import { UploadPage } from './UploadPage';

export function AnalyticsPages({ path }: { path: string }) {
  if (path === ANALYTICS_UPLOAD_PAGE.path) return <UploadPage />;
  if (path === ANALYTICS_PROFILES_PAGE.path) return <ProfilesPage />;
  if (path === ANALYTICS_ANALYSES_PAGE.path) return <AnalysesPage />;
  if (path === ANALYTICS_CONFIG_PAGE.path) return <ConfigPage />;
  if (path === ANALYTICS_COMPARE_PAGE.path) return <ComparePage />;
  const importId = importIdOf(path);
  if (importId) return <ImportDetailPage key={importId} id={importId} />;
  const analysisId = analysisIdOf(path);
  if (analysisId) return <AnalysisPage key={analysisId} id={analysisId} />;
  const profileId = profileIdOf(path);
  if (profileId) {
    return <ProfilePage key={profileId} id={profileId === NEW_PROFILE ? null : profileId} />;
  }
  return <ImportsPage />;
}
