'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { messagesFor, type Locale, type Messages } from '@/lib/i18n';

// The message catalogue is static code: client components take it from the JS bundle through
// this context instead of receiving it as a prop, which React would serialise into the Flight
// payload of every response (~57 KB for the Estonian catalogue).
const MessagesContext = createContext<Messages | null>(null);

/** Provides the catalogue of `locale`; the root layout renders it with the locale cookie's value. */
export function MessagesProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <MessagesContext.Provider value={messagesFor(locale)}>{children}</MessagesContext.Provider>;
}

/** The message catalogue of the current locale, for client components. */
export function useMessages(): Messages {
  const messages = useContext(MessagesContext);
  if (!messages) throw new Error('useMessages() needs a <MessagesProvider> above it (the root layout renders one)');
  return messages;
}
