/** One error shape everywhere. */
export class InquiryError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: string[];
  constructor(message: string, opts: { status?: number; code?: string; details?: string[] } = {}) {
    super(message);
    this.name = 'InquiryError';
    this.status = opts.status ?? 400;
    this.code = opts.code ?? 'bad_request';
    this.details = opts.details ?? [];
  }
}

export class NotFoundError extends InquiryError {
  constructor(message: string) {
    super(message, { status: 404, code: 'not_found' });
  }
}

/** A problem with one input file: reported on one line, the rest of the work goes on. */
export interface FileProblem {
  file: string;
  level: 'error' | 'warning';
  message: string;
}

export function formatProblem(p: FileProblem): string {
  return `${p.level}: ${p.file}: ${p.message}`;
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
