/**
 * Training of the small router models with DJL's PyTorch engine, on a GPU when DJL reports one and
 * on the CPU otherwise.
 */
package io.infodesk.training;
