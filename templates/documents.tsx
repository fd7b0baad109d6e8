import type { DocumentProps } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import { BenefitCertificate } from './benefit-certificate/document';
import { CertifiedCopy } from './certified-copy/document';
import { InsuranceRegisterNotice } from './insurance-register-notice/document';
import { MissingDocumentsNotice } from './missing-documents-notice/document';
import type { TemplateId } from './registry';
import { ReceiptConfirmation } from './receipt-confirmation/document';
import { ReplyLetter } from './reply-letter/document';
import type { RenderContext } from './shared/types';

// The PDF component of each template. Loaded by the render worker only (server/pdf), so
// the web server's own process never holds @react-pdf/renderer. The data has passed the
// template's schema before it gets here.

type DocumentFactory = (data: never, ctx: RenderContext) => ReactElement<DocumentProps>;

export const DOCUMENTS: Record<TemplateId, DocumentFactory> = {
  'benefit-certificate': (data, ctx) => <BenefitCertificate data={data} ctx={ctx} />,
  'insurance-register-notice': (data, ctx) => <InsuranceRegisterNotice data={data} ctx={ctx} />,
  'missing-documents-notice': (data, ctx) => <MissingDocumentsNotice data={data} ctx={ctx} />,
  'reply-letter': (data, ctx) => <ReplyLetter data={data} ctx={ctx} />,
  'certified-copy': (data, ctx) => <CertifiedCopy data={data} ctx={ctx} />,
  'receipt-confirmation': (data, ctx) => <ReceiptConfirmation data={data} ctx={ctx} />,
};
