import * as z from 'zod';

// Validation messages are read by editors and researchers: Dutch, once for the whole process.
z.config(z.locales.nl());

export { z };
