/** The console's session: GET says whose key is in use (and issues the visitor cookie), POST resets the visitor's sandbox. */
import { handleSession } from '@/lib/proxy';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export { handleSession as GET, handleSession as POST };
