/**
 * How a connected component names its contact: a phone number or a WhatsApp id, never both.
 * @example
 * <ContactCard phoneNumber="+27 12 345 6789" />
 * <ContactCard whatsappId="27123456789" />
 */
export type ContactLookupProps =
  | {
      /** The number to look up, in any common format (`"+27 12 345 6789"`). */
      phoneNumber: string;
      whatsappId?: undefined;
    }
  | {
      /** The WhatsApp id (digits) to look up. */
      whatsappId: string;
      phoneNumber?: undefined;
    };
