"use client";
import { createContext } from "react";
import type { ContactDisplayOptions } from "./useContactDisplay.js";

/** What the nearest `ContactDisplayProvider`s set, unresolved; empty when there is none. */
export const ContactDisplayContext = createContext<ContactDisplayOptions>({});
