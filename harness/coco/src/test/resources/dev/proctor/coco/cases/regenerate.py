"""Recomputes hand_*.expected.json with pycocotools' own COCOeval (the layout of ../shared/peers/det_*.output.json).

    python3 regenerate.py                    # with pycocotools installed (pip install pycocotools)
    python3 regenerate.py --cocoapi DIR      # with a cocodataset/cocoapi checkout and no compiled _mask:
                                             # bbox IoU is maskApi.c's bbIou transcribed below

The expected files in this folder were made the second way (cocoapi 8c9bcc3, whose np.float is replaced by float
as numpy >= 1.24 requires, numpy 2.4.6), and the same script reproduces ../shared/peers/det_edge.output.json and
det_no_detections.output.json exactly.
"""
import argparse, contextlib, copy, glob, io, json, os, sys, tempfile, types

import numpy as np


def bb_iou(dt, gt, iscrowd):
    """maskApi.c bbIou: continuous coordinates; crowd ground truth: intersection over the detection's area."""
    if len(dt) == 0 or len(gt) == 0:
        return []
    out = np.zeros((len(dt), len(gt)))
    for g, G in enumerate(gt):
        G = [float(v) for v in G]
        for d, D in enumerate(dt):
            D = [float(v) for v in D]
            w = min(D[2] + D[0], G[2] + G[0]) - max(D[0], G[0])
            h = min(D[3] + D[1], G[3] + G[1]) - max(D[1], G[1])
            if w > 0 and h > 0:
                i = w * h
                out[d, g] = i / (D[2] * D[3] if iscrowd[g] else D[2] * D[3] + G[2] * G[3] - i)
    return out


def load_from_checkout(cocoapi):
    work = tempfile.mkdtemp()
    pkg = os.path.join(work, 'pycocotools')
    os.mkdir(pkg)
    open(os.path.join(pkg, '__init__.py'), 'w').close()
    open(os.path.join(pkg, 'mask.py'), 'w').close()
    for name in ('coco.py', 'cocoeval.py'):
        src = open(os.path.join(cocoapi, 'PythonAPI', 'pycocotools', name)).read()
        open(os.path.join(pkg, name), 'w').write(src.replace('dtype=np.float)', 'dtype=float)'))
    for mod in ('matplotlib', 'matplotlib.pyplot', 'matplotlib.collections', 'matplotlib.patches'):
        stub = types.ModuleType(mod)  # coco.py imports matplotlib for drawing only
        stub.PatchCollection = stub.Polygon = stub.pyplot = stub.collections = stub.patches = None
        sys.modules[mod] = stub
    sys.path.insert(0, work)
    import pycocotools.mask
    pycocotools.mask.iou = bb_iou


def evaluate(case):
    from pycocotools.coco import COCO
    from pycocotools.cocoeval import COCOeval
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        gt = COCO()
        gt.dataset = {k: copy.deepcopy(case[k]) for k in ('images', 'categories', 'annotations')}
        gt.createIndex()
        if case['detections']:
            dt = gt.loadRes(copy.deepcopy(case['detections']))
        else:  # loadRes raises IndexError on []: an empty result object, as the peer does
            dt = COCO()
            dt.dataset = {'images': list(gt.dataset['images']), 'categories': copy.deepcopy(case['categories']),
                          'annotations': []}
            dt.createIndex()
        e = COCOeval(gt, dt, 'bbox')
        e.evaluate()
        e.accumulate()
        e.summarize()
    names = ['AP', 'AP50', 'AP75', 'AP_small', 'AP_medium', 'AP_large', 'AR1', 'AR10', 'AR100', 'AR_small',
             'AR_medium', 'AR_large']

    def mean(s):
        s = s[s > -1]
        return float(np.mean(s)) if s.size else -1.0
    precision, recall = e.eval['precision'], e.eval['recall']
    per_class = {}
    for k, cat in enumerate(e.params.catIds):
        per_class[str(int(cat))] = {
            'AP': mean(precision[:, :, k, 0, 2]), 'AP50': mean(precision[0, :, k, 0, 2]),
            'AP75': mean(precision[5, :, k, 0, 2]), 'AR100': mean(recall[:, k, 0, 2]),
            'num_gt_non_crowd': sum(1 for a in case['annotations'] if a['category_id'] == cat and not a['iscrowd'])}
    aps = [v['AP'] for v in per_class.values() if v['AP'] > -1]
    return {'computed_by': 'pycocotools COCOeval (regenerate.py), numpy ' + np.__version__,
            'stats': {n: float(v) for n, v in zip(names, e.stats)}, 'per_class': per_class,
            'mean_of_per_class_AP': float(np.mean(aps)) if aps else -1.0,
            'summarize_text': [l for l in out.getvalue().splitlines() if l.startswith(' Average')]}


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--cocoapi', help='a cocodataset/cocoapi checkout, used without its compiled _mask')
    args = parser.parse_args()
    if args.cocoapi:
        load_from_checkout(args.cocoapi)
    here = os.path.dirname(os.path.abspath(__file__))
    for path in sorted(glob.glob(os.path.join(here, '*.input.json'))):
        result = evaluate(json.load(open(path)))
        with open(path.replace('.input.json', '.expected.json'), 'w') as f:
            json.dump(result, f, indent=1)
            f.write('\n')
        print(os.path.basename(path), result['stats']['AP'])
