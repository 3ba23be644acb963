import { CrashScreen } from '../components/CrashScreen';
import { StatusProvider } from '../components/StatusRegion';
import { useNotebookEvents } from './queries';
import { Workspace } from './Workspace';
import '../styles/app.css';

/** The window: the query cache kept fresh by the core's events, the status regions, the panes. */
export function App() {
  useNotebookEvents();
  return (
    <StatusProvider>
      <CrashScreen>
        <Workspace />
      </CrashScreen>
    </StatusProvider>
  );
}
