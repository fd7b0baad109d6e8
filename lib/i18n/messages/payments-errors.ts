// Field and form errors of overpayment applications and benefit payments; spread into the
// shared `errors` section (core.ts) so their keys are `errors.<name>` like every other.
export const paymentErrors = {
  et: {
    amountEuros: 'Summa peab olema eurodes ja sentides, näiteks 250 või 250,50, ning suurem kui null.',
    iban: 'IBAN ei ole korrektne. Eesti IBAN on EE, 2 kontrollnumbrit ja 16 numbrit (näiteks EE38 2200 2210 2014 5685); kontrolli numbreid.',
    ibanCountry: 'Sellesse riiki makset teha ei saa: saaja konto peab olema SEPA riigi pangas (IBAN algab näiteks EE, LV, FI, DE).',
    sepaText: "Nimes on märke, mida pangafail ei luba (lubatud on ladina tähed, numbrid ja / - ? : ( ) . , ' +).",
    batchEmpty: 'Vali vähemalt üks makse.',
    paymentOwnApproval: 'Enda koostatud makset ei saa ise kinnitada: kinnitab teine juht (nelja silma põhimõte).',
    paymentNotPrepared: 'Makse olek on vahepeal muutunud: see on juba kinnitatud, tagastatud, tagasi lükatud või üle antud. Värskenda lehte.',
    paymentOwnDecision: 'Enda koostatud makset ei saa ise tagastada ega tagasi lükata: seda teeb teine juht (nelja silma põhimõte).',
    paymentNotReturned: 'Parandada saab ainult sulle parandamiseks tagastatud makset. Värskenda lehte.',
    reasonTooShort: 'Kirjuta põhjus (vähemalt 3 märki), et koostaja teaks, mida muuta.',
    paymentNotBatchable:
      'Maksepakki saab lisada ainult kinnitatud ja veel üle andmata makseid, mille kinnitas keegi teine kui koostaja. Värskenda lehte ja vali uuesti.',
    target2Day:
      'Täitmise kuupäev peab olema pankade (TARGET2) tööpäev: mitte nädalavahetus, 1.01, suur reede, 2. lihavõttepüha järgne esmaspäev, 1.05, 25.12 ega 26.12.',
    pastDate: 'Kuupäev ei tohi olla minevikus.',
    waiverReason: 'Kirjuta, miks klient palub tagasimaksmisest vabastamist.',
    scheduleTooShort: 'Osamaksete ajakavas peab olema vähemalt kaks makset.',
    scheduleTooLong: 'Ajakavas on liiga palju makseid.',
    scheduleTooLate: 'Makse kuupäev on lubatud ajakavast (kuni {months} kuud) hilisem.',
    scheduleOrder: 'Maksete kuupäevad peavad olema kasvavas järjekorras.',
    scheduleSum: 'Osamaksete summa peab võrduma tagasimakstava summaga.',
  },
  en: {
    amountEuros: 'The amount must be in euros and cents, e.g. 250 or 250.50, and more than zero.',
    iban: 'The IBAN is not valid. An Estonian IBAN is EE, 2 check digits and 16 digits (e.g. EE38 2200 2210 2014 5685); check the digits.',
    ibanCountry: 'Payments cannot go to this country: the recipient’s account must be with a bank in a SEPA country (the IBAN starts e.g. EE, LV, FI, DE).',
    sepaText: "The name has characters a bank file does not allow (Latin letters, digits and / - ? : ( ) . , ' + are allowed).",
    batchEmpty: 'Choose at least one payment.',
    paymentOwnApproval: 'You cannot approve a payment you prepared: another manager approves it (four eyes).',
    paymentNotPrepared: 'The payment’s status has changed meanwhile: it is already approved, returned, rejected or handed over. Reload the page.',
    paymentOwnDecision: 'You cannot return or reject a payment you prepared: another manager does (four eyes).',
    paymentNotReturned: 'Only a payment returned to you for correction can be corrected. Reload the page.',
    reasonTooShort: 'Write the reason (at least 3 characters), so the preparer knows what to change.',
    paymentNotBatchable:
      'A batch can hold only approved payments not yet handed over, approved by someone other than their preparer. Reload the page and choose again.',
    target2Day: 'The execution date must be a bank (TARGET2) business day: not a weekend, 1 Jan, Good Friday, Easter Monday, 1 May, 25 or 26 Dec.',
    pastDate: 'The date cannot be in the past.',
    waiverReason: 'Write why the client asks to be released from repaying.',
    scheduleTooShort: 'An instalment schedule needs at least two payments.',
    scheduleTooLong: 'The schedule has too many payments.',
    scheduleTooLate: 'The payment date is later than the schedule allows (up to {months} months).',
    scheduleOrder: 'The payment dates must be in ascending order.',
    scheduleSum: 'The instalments must add up to the amount to be repaid.',
  },
};
