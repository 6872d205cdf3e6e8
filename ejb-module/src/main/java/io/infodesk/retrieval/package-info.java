/**
 * Search over a domain's knowledge. Holds the MiniLM sentence embedder, which runs the ONNX model
 * shipped inside the langchain4j jar, offline, with true batches.
 */
package io.infodesk.retrieval;
