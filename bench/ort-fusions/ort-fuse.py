"""Fuses more of MiniLM's graph than ONNX Runtime does by itself, to measure what that would save.

Usage: ort-fuse.py SRC DST [mha] [bias] [fastgelu]
SRC is the graph ONNX Runtime runs after its own fusions (OrtFusions.java save). Per layer:
  mha       the attention (per-head reshapes and transposes, scaled QK^T, the mask's Add, Softmax,
            the product with V) becomes one com.microsoft MultiHeadAttention, which also takes the
            query, key and value biases; the mask goes in as a key padding mask
  bias      the bias Add after each 8-bit product moves into the product (MatMulIntegerToFloat's
            and DynamicQuantizeMatMul's bias input)
  fastgelu  BiasGelu (exact, erf) becomes FastGelu (tanh approximation)
Needs Debian's python3-onnx. Run by bench/ort-fusions.sh.
"""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

src, dst, *wanted = sys.argv[1:]
model = onnx.load(src)
graph = model.graph
nodes = list(graph.node)
initializers = {i.name: i for i in graph.initializer}
consumers = {}
for node in nodes:
    for name in node.input:
        consumers.setdefault(name, []).append(node)


def only(found):
    assert len(found) == 1, [n.name for n in found]
    return found[0]


def next_of(node):
    return only(consumers[node.output[0]])


def bias_add(bias):
    return only([n for n in nodes if n.op_type == "Add" and bias in n.input])


removed, added = set(), []
if "mha" in wanted:
    added.append(helper.make_node("Cast", ["attention_mask"], ["mask_int32"], to=TensorProto.INT32, name="mask_int32"))
for layer in range(6):
    prefix = f"encoder.layer.{layer}."
    if "mha" in wanted:
        products, biases = [], []
        for part in ("query", "key", "value"):
            add = bias_add(f"{prefix}attention.self.{part}.bias")
            products.append(next(i for i in add.input if i in {o for n in nodes for o in n.output}))
            biases.append(numpy_helper.to_array(initializers[f"{prefix}attention.self.{part}.bias"]))
            reshape = next_of(add)
            removed.update([add.name, reshape.name, next_of(reshape).name])
        graph.initializer.append(numpy_helper.from_array(np.concatenate(biases), f"{prefix}qkv.bias"))
        scores = only([n for n in nodes if n.op_type == "FusedMatMul" and f"layer.{layer}/" in n.output[0]])
        chain = [scores]
        for _ in range(5):  # the mask's Add, Softmax, MatMul with V, Transpose, Reshape
            chain.append(next_of(chain[-1]))
        removed.update(n.name for n in chain)
        added.append(
            helper.make_node(
                "MultiHeadAttention",
                products + [f"{prefix}qkv.bias", "mask_int32"],
                [chain[-1].output[0]],
                domain="com.microsoft",
                num_heads=12,
                name=f"{prefix}mha",
            )
        )
    if "bias" in wanted:
        parts = ["attention.output.dense", "output.dense"]
        if "mha" not in wanted:
            parts += ["attention.self.query", "attention.self.key", "attention.self.value"]
        for part in parts:
            bias = f"{prefix}{part}.bias"
            add = bias_add(bias)
            product = only([n for n in nodes if n.output[0] in add.input])
            inputs = list(product.input)
            if product.op_type == "DynamicQuantizeMatMul":
                inputs = inputs[:4] + [bias]
            else:  # MatMulIntegerToFloat: A, B, a_scale, b_scale, a_zero_point, b_zero_point, bias
                inputs = inputs[:6] + [bias]
            removed.update([add.name, product.name])
            added.append(helper.make_node(product.op_type, inputs, [add.output[0]], domain="com.microsoft", name=product.name + "_bias"))
    if "fastgelu" in wanted:
        gelu = only([n for n in nodes if n.op_type == "BiasGelu" and f"layer.{layer}/" in n.output[0]])
        removed.add(gelu.name)
        added.append(helper.make_node("FastGelu", list(gelu.input), list(gelu.output), domain="com.microsoft", name=gelu.name + "_fast"))

# the kept and new nodes in an order where each input exists before it is used
ready = {i.name for i in graph.input} | {i.name for i in graph.initializer} | {""}
ordered, pending = [], [n for n in nodes if n.name not in removed] + added
while pending:
    waiting = []
    for node in pending:
        if all(i in ready for i in node.input):
            ordered.append(node)
            ready.update(node.output)
        else:
            waiting.append(node)
    assert len(waiting) < len(pending), "a cycle"
    pending = waiting
del graph.node[:]
graph.node.extend(ordered)
onnx.save(model, dst)
print(f"{dst}: {len(nodes)} nodes -> {len(ordered)} ({' '.join(wanted) or 'as ONNX Runtime fuses'})")
