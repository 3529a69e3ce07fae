// The AI gateway's pages, loaded together when one of them is first opened (see App.tsx).
import { DashboardPage } from './dashboards/DashboardPage';
import { SectorPage } from './dashboards/SectorPage';
import { EditorPage } from './editor/EditorPage';
import { PipelinesPage } from './PipelinesPage';
import { AI_PIPELINES_PAGE, AI_QUERY_MAP_PAGE, AI_WORKSPACES_PAGE } from './pages';
import { editIdOf, NEW_PIPELINE_PATH, pipelineIdOf, sectorOf } from './paths';
import { PipelinePage } from './pipeline/PipelinePage';
import { QueryMapPage } from './querymap/QueryMapPage';
import { WorkspacesPage } from './workspaces/WorkspacesPage';
import './ai.css';

export function AiPages({ path }: { path: string }) {
  if (path === AI_PIPELINES_PAGE.path) return <PipelinesPage />;
  if (path === AI_QUERY_MAP_PAGE.path) return <QueryMapPage />;
  if (path === AI_WORKSPACES_PAGE.path) return <WorkspacesPage />;
  if (path === NEW_PIPELINE_PATH) return <EditorPage key="new" id={null} />;
  const editId = editIdOf(path);
  if (editId) return <EditorPage key={editId} id={editId} />;
  const pipelineId = pipelineIdOf(path);
  if (pipelineId) return <PipelinePage key={pipelineId} id={pipelineId} />;
  const sector = sectorOf(path);
  if (sector) return <SectorPage key={sector} sector={sector} />;
  return <DashboardPage />;
}
