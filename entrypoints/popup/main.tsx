import { mountApp } from '@/components/mount';
import { PopupApp } from '@/components/PopupApp';

mountApp(<PopupApp />);
