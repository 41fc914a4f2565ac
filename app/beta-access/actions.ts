'use server';
/** The form's server action: the same submission as POST /api/beta-access, answered with the form's next state. */
import { log } from '@/lib/log';
import { headers } from 'next/headers';
import { copies, pickLang } from '@/lib/beta/copy';
import { formState, formValues, type FormState } from '@/lib/beta/form-state';
import { submitBetaRequest } from '@/lib/beta/service';
import { clientIp } from '@/lib/http/client-ip';

export async function submitBetaForm(_previous: FormState, data: FormData): Promise<FormState> {
  const values = formValues(data.entries());
  const copy = copies[pickLang(values.lang)];
  try {
    const outcome = await submitBetaRequest(values, { ip: clientIp(await headers()) });
    return formState(outcome, values, copy);
  } catch (error) {
    log('error', 'beta-access form submission failed', { error });
    return { status: 'failed', message: copy.form.failed, values };
  }
}
