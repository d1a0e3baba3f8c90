import { mountApp } from '@/components/mount';
import { SidePanelApp } from '@/components/SidePanelApp';

mountApp(<SidePanelApp />);
