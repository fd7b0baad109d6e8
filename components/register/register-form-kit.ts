import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import type { RegisterDocumentInput } from '@/lib/register-schema';
import type { Messages } from '@/lib/i18n';

// What the sections of the registration form share: its messages, the form's register and
// errors, and the helpers that turn a field's error into text and ARIA attributes.
export type RegisterFormKit = {
  r: Messages['register'];
  register: UseFormRegister<RegisterDocumentInput>;
  errors: FieldErrors<RegisterDocumentInput>;
  err: (name: keyof RegisterDocumentInput) => string | undefined;
  aria: (name: keyof RegisterDocumentInput) => { 'aria-invalid': boolean | undefined; 'aria-describedby': string | undefined };
};
