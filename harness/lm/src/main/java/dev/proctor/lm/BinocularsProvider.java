package dev.proctor.lm;

import dev.proctor.api.ProctorException;
import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelOpener;
import dev.proctor.api.model.ModelProvider;
import dev.proctor.api.model.ModelSpec;

/** {@code binoculars:OBSERVER+PERFORMER}: two local causal LMs that share a tokenizer, as one {@link BinocularsModel}. */
public final class BinocularsProvider implements ModelProvider {
    @Override
    public String scheme() {
        return "binoculars";
    }

    @Override
    public String description() {
        return "two causal LMs sharing a tokenizer as Binoculars' observer and performer, binoculars:OBSERVER+PERFORMER"
                + " (token statistics only; e.g. binoculars:embedded:tiny-gpt+embedded:tiny-gpt-seed2)";
    }

    @Override
    public Model load(ModelSpec spec, ModelOpener opener) {
        String[] parts = spec.location().split("\\+");
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new ProctorException("model '" + spec + "': a Binoculars pair names two causal LMs,"
                    + " binoculars:OBSERVER+PERFORMER (e.g. binoculars:embedded:tiny-gpt+embedded:tiny-gpt-seed2)");
        }
        CausalLmModel observer = causalLm(opener.open(spec.component(parts[0])), parts[0], spec);
        try {
            CausalLmModel performer = causalLm(opener.open(spec.component(parts[1])), parts[1], spec);
            try {
                return new BinocularsModel(observer, performer);
            } catch (RuntimeException e) {
                performer.close();
                throw e;
            }
        } catch (RuntimeException e) {
            observer.close();
            throw e;
        }
    }

    private static CausalLmModel causalLm(Model model, String part, ModelSpec spec) {
        if (model instanceof CausalLmModel lm) {
            return lm;
        }
        model.close();
        throw new ProctorException("model '" + spec + "': " + part + " is a " + model.info().kind()
                + ", not a local causal LM; Binoculars reads both models' whole next-token distributions");
    }
}
