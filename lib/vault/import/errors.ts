import { AppError } from "@/lib/errors";

/** A file that cannot be imported: 400, the message naming the line (CSV) or the item and field (JSON). */
export class ImportFileError extends AppError {
  constructor(message: string, location: string) {
    super(400, "invalid_import_file", message, { [location]: message });
    this.name = "ImportFileError";
  }
}
