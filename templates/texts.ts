import { texts as benefitCertificate } from './benefit-certificate/texts';
import { texts as certifiedCopy } from './certified-copy/texts';
import { texts as insuranceRegisterNotice } from './insurance-register-notice/texts';
import { texts as missingDocumentsNotice } from './missing-documents-notice/texts';
import { texts as receiptConfirmation } from './receipt-confirmation/texts';
import { getNoticeTextSet, isNoticeSetId, type NoticeSetId } from './notices/texts';
import { isTemplateId, type TemplateId } from './registry';
import { texts as replyLetter } from './reply-letter/texts';
import type { TemplateTextSpec } from './shared/texts';

// The editable texts of each template (templates/shared/texts.ts), without react-pdf: the
// admin pages check drafts with these, the render worker prints them.
export const TEXT_SPECS: Record<TemplateId, TemplateTextSpec<never>> = {
  'benefit-certificate': benefitCertificate as TemplateTextSpec<never>,
  'insurance-register-notice': insuranceRegisterNotice as TemplateTextSpec<never>,
  'missing-documents-notice': missingDocumentsNotice as TemplateTextSpec<never>,
  'reply-letter': replyLetter as TemplateTextSpec<never>,
  'certified-copy': certifiedCopy as TemplateTextSpec<never>,
  'receipt-confirmation': receiptConfirmation as TemplateTextSpec<never>,
};

/** Every set of editable texts: a document template's, or a group of notifications' (templates/notices/texts.ts). */
export type TextSetId = TemplateId | NoticeSetId;

/** The texts' spec of a document template or of a group of notifications; none for an unknown id. */
export function textSpecOf(id: string): TemplateTextSpec<never> | undefined {
  if (isTemplateId(id)) return TEXT_SPECS[id];
  return getNoticeTextSet(id)?.spec as TemplateTextSpec<never> | undefined;
}

export const isTextSetId = (id: string): id is TextSetId => isTemplateId(id) || isNoticeSetId(id);
