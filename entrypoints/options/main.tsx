import { mountApp } from '@/components/mount';
import { OptionsApp } from '@/components/OptionsApp';

mountApp(<OptionsApp />);
